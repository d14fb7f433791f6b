import segno

from kompass.lib.qr import qr_data_uri, qr_svg

URL = "https://kompass.example/uk/journeys/plan/0f3c"


def test_qr_svg_is_the_links_code_with_medium_error_correction():
    svg = qr_svg(URL, scale=4, title="QR")
    assert svg.startswith("<svg") and "<title>QR</title>" in svg
    assert svg == segno.make(URL, error="m").svg_inline(scale=4, title="QR")
    assert svg != segno.make(URL, error="l").svg_inline(scale=4, title="QR")


def test_qr_data_uri_draws_the_same_code_for_an_img():
    uri = qr_data_uri(URL, scale=4)
    assert uri.startswith("data:image/svg+xml")
    assert uri == segno.make(URL, error="m").svg_data_uri(scale=4)
