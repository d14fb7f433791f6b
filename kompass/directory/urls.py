from django.urls import path

from kompass.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.search, name="search"),
    path("entries/<uuid:code>/", views.entry, name="entry"),
    path("numbers/", views.hotlines, name="hotlines"),
    path("numbers/<int:pk>/edit/", views.hotline_edit, name="hotline_edit"),
    path("manage/", views.manage, name="manage"),
    path("capacity/", views.capacity, name="capacity"),
    path("manage/new/", views.edit, name="new"),
    path("manage/export.csv", views.export_csv, name="export"),
    path("manage/<uuid:code>/", views.manage_entry, name="manage_entry"),
    path("manage/<uuid:code>/edit/", views.edit, name="edit"),
    path("manage/<uuid:code>/status/<str:status>/", views.change_status, name="change_status"),
]
