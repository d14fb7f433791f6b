from django.urls import path

from kompass.recruitment import views

app_name = "recruitment"

urlpatterns = [
    # Public, no login.
    path("", views.check, name="check"),
    path("report/", views.report, name="report"),
    path("report/sent/", views.reported, name="reported"),
    # Staff.
    path("ads/", views.ad_list, name="ads"),
    path("ads/new/", views.log_ad, name="log_ad"),
    path("ads/<uuid:code>/", views.ad_detail, name="ad"),
    path("statistics/", views.statistics, name="statistics"),
]
