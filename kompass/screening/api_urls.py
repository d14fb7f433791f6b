app_name = "screening_api"

urlpatterns: list = []
