from django.urls import path

from kompass.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("mine/", views.my_organisation, name="mine"),
    path("<uuid:code>/", views.organisation_detail, name="detail"),
    path("<uuid:code>/edit/", views.organisation_edit, name="edit"),
    path("<uuid:code>/invite/", views.member_invite, name="invite"),
    path("members/<uuid:code>/", views.member_detail, name="member"),
    path("members/<uuid:code>/active/", views.member_set_active, name="member_active"),
]
