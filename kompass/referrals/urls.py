from django.urls import path

from kompass.referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.referral_list, name="list"),
    path("new/<uuid:case_code>/", views.referral_create, name="create"),
    path("<uuid:code>/", views.referral_detail, name="detail"),
    path("<uuid:code>/accept/", views.referral_accept, name="accept"),
    path("<uuid:code>/decline/", views.referral_decline, name="decline"),
    path("<uuid:code>/withdraw/", views.referral_withdraw, name="withdraw"),
    path("<uuid:code>/complete/", views.referral_complete, name="complete"),
    path("<uuid:code>/service/", views.referral_service, name="service"),
    path("<uuid:code>/deadline/", views.referral_deadline, name="deadline"),
]
