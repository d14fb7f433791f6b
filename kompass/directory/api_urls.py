app_name = "directory_api"

urlpatterns: list = []
