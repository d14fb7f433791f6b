from django.urls import path

from kompass.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("logout/", views.logout_view, name="logout"),
    path("preferences/", views.preferences, name="preferences"),
    path("invitation/<uidb64>/<token>/", views.accept_invitation, name="accept_invitation"),
]
