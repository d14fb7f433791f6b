from django.urls import path

from kompass.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.report_page, name="report"),
    path("report.<str:fmt>", views.report_download, name="download"),
    path("ctdc.csv", views.ctdc_export, name="ctdc_export"),
    path("review/", views.review_list, name="review"),
    path("review/<uuid:code>/", views.review_decide, name="review_decide"),
    path("refresh/", views.refresh, name="refresh"),
]
