app_name = "recruitment_api"

urlpatterns: list = []
