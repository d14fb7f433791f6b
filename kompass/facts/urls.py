from django.urls import path

from kompass.facts import views

app_name = "facts"

urlpatterns = [
    path("review/", views.review, name="review"),
    path("review/<str:label>/<int:pk>/verify/", views.verify, name="verify"),
    path("review/<str:label>/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
