from django.urls import path

from accounts.api.views import EraseAccountView, MyDataView, TokenView

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("me/data/", MyDataView.as_view(), name="my-data"),
    path("me/erase/", EraseAccountView.as_view(), name="erase-account"),
]
