"""On a phone, in Ukrainian: check an offer, see why it is risky, report it; the coordinator then
sees the report counted under its platform."""

import pytest
from django.conf import settings
from django.test import Client

from kompass.recruitment.models import ReportedAd

OFFER = (
    "Робота для дівчат 18-25 років хостес у Дубаї! Зарплата від 3000 доларів на місяць, досвід не "
    "потрібен. Квитки та житло безкоштовні. Надішліть фото паспорта, пишіть лише у телеграм "
    "@dubai_job. Терміново!"
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ukrainian_offer_checked_on_a_phone_reported_and_counted(
    browser, phone_page, live_server, login, orgs, screenshot
):
    page = phone_page
    page.goto("/uk/recruitment/")
    assert page.locator("h1").inner_text() == "Перевірте пропозицію роботи"
    page.locator("#id_text").fill(OFFER)
    page.locator("summary").click()
    page.locator("#id_contact_channel").select_option("telegram")
    screenshot(page, "recruitment-check-phone-form")
    page.locator(".check-form button[type=submit]").click()

    result = page.locator("#result")
    assert "Високий ризик" in result.locator("h2").inner_text()
    marked = result.locator(".reasons mark").all_inner_texts()
    assert "дівчат 18-25" in marked and "Надішліть фото паспорта" in marked
    assert all(words in OFFER or words == "Telegram" for words in marked)
    # No horizontal scrolling on a 390 px wide phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "recruitment-check-phone-result")
    assert not ReportedAd.objects.exists()  # a check alone stores nothing

    page.locator("#id_platform").select_option("telegram")
    page.locator("#id_country").select_option("UKR")
    page.locator("#id_link").fill("https://t.me/dubai_job")
    page.locator(".report-form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Дякуємо, що повідомили про оголошення"
    screenshot(page, "recruitment-reported-phone")
    ad = ReportedAd.objects.get()
    assert (ad.platform, ad.country, ad.source, ad.risk) == ("telegram", "UKR", "public", "high")

    def staff_page(persona):
        client = Client()
        login(client, persona)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
              "url": live_server.url}]
        )  # fmt: skip
        return context.new_page()

    # An ad seen in Ukraine counts in the regional statistics (Romania's count Romania's ads,
    # decision 0050); Romania's coordinator, the first on the platform, reads it in its list.
    staff = staff_page("regional")
    staff.goto("/recruitment/statistics/")
    row = staff.locator('tr[data-platform="telegram"]')
    assert row.locator("td.total").inner_text() == "1"
    assert staff.locator('tr[data-platform="facebook"] td.total').inner_text() == "0"
    screenshot(staff, "recruitment-statistics-regional")
    staff = staff_page("coordinator")
    staff.goto("/recruitment/ads/")
    assert "Telegram" in staff.locator("table").inner_text()
    screenshot(staff, "recruitment-ads-coordinator")
    staff.context.close()


PASSPORT_KEPT = {
    "uk": "Робота в Польщі. Візьміть з собою паспорт, ми його залишимо у себе на час роботи.",
    "ru": "Работа в Польше. Возьмите с собой паспорт, мы его оставим у себя на время работы.",
    "sr-latn": "Посао у Пољској. Понесите пасош, задржаћемо га код нас док радите.",
}
HIGH_TITLE = {"uk": "Високий ризик", "ru": "Высокий риск", "sr-latn": "Visok rizik"}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", sorted(PASSPORT_KEPT))
def test_passport_retention_is_high_with_the_evidence_marked_on_a_phone(
    phone_page, live_server, language, screenshot
):
    page = phone_page
    page.goto(f"/{language}/recruitment/")
    page.locator("#id_text").fill(PASSPORT_KEPT[language])
    page.locator(".check-form button[type=submit]").click()
    result = page.locator("#result")
    assert HIGH_TITLE[language] in result.locator("h2").inner_text()
    reason = result.locator('.reason[data-code="documents"]')
    marked = reason.locator("mark").all_inner_texts()
    assert marked and all(words in PASSPORT_KEPT[language] for words in marked)
    assert any("паспорт" in words.lower() or "пасош" in words.lower() for words in marked)
    assert result.locator(".marked-offer mark").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"recruitment-passport-kept-{language}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ordinary_ad_shows_no_warning_signs_with_the_three_rules(phone_page, live_server, screenshot):
    page = phone_page
    page.goto("/recruitment/")
    page.locator("#id_text").fill(
        "Production operator in Timișoara. 4,200 lei net per month, meal tickets, employment contract, "
        "shifts 07-15 and 15-23. Apply with your CV on our website."
    )
    page.locator(".check-form button[type=submit]").click()
    result = page.locator("#result")
    assert result.locator("h2").inner_text().strip() == "No warning signs found"
    assert "does not prove that the offer is safe" in result.inner_text()
    assert "risk-low" in result.get_attribute("class")
    colour = page.evaluate("getComputedStyle(document.querySelector('#result')).backgroundColor")
    assert colour != "rgb(241, 248, 241)"  # never the green of a "safe" verdict
    rules = page.locator(".three-rules li").all_inner_texts()
    assert len(rules) == 3 and "passport" in rules[0] and "pay" in rules[1] and "licence" in rules[2]
    assert "safe" not in result.locator("h2").inner_text().lower()
    screenshot(page, "recruitment-no-signs-three-rules")
