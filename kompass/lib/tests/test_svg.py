from kompass.lib import svg
from kompass.lib.svg import format_html


def test_the_document_is_labelled_by_its_title_and_escapes_it():
    shape = format_html('<text x="1" y="2">{}</text>', "<b>&")
    html = svg.document(
        [shape], title='Cases "2026" <all>', width=100, height=50, css_class="chart", font_size=12
    )
    assert html.startswith(
        '<svg class="chart" viewBox="0 0 100 50" role="img" aria-label="Cases &quot;2026&quot; &lt;all&gt;"'
    )
    assert 'font-size="12"' in html
    assert "<title>Cases &quot;2026&quot; &lt;all&gt;</title>" in html
    assert '<text x="1" y="2">&lt;b&gt;&amp;</text>' in html and html.endswith("</svg>")


def test_a_title_id_labels_by_reference():
    html = svg.document([], title="Map", width=10, height=10, css_class="map", title_id="map-title")
    assert 'aria-labelledby="map-title"' in html and '<title id="map-title">Map</title>' in html
