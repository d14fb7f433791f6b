app_name = "journeys_api"

urlpatterns: list = []
