app_name = "referrals_api"

urlpatterns: list = []
