from django.urls import path

from experiences import views

app_name = "experiences"
urlpatterns = [
    path("experiences/", views.bank, name="bank"),
    path("experiences/map/", views.map_page, name="map"),
    path("experiences/feed/", views.LatestFeed(), name="feed"),
    path("experiences/open-data.<str:format>", views.open_data, name="open_data"),
    path("experiences/propose/", views.propose, name="propose"),
    path("experiences/propose/<uuid:public_id>/", views.propose_from, name="propose_from"),
    path("experiences/mine/", views.mine, name="mine"),
    path("experiences/editorial/", views.editorial, name="editorial"),
    path("experiences/<uuid:public_id>/", views.detail, name="detail"),
    path("experiences/<uuid:public_id>/edit/", views.edit, name="edit"),
    path("experiences/<uuid:public_id>/decide/", views.decide, name="decide"),
    path("experiences/<uuid:public_id>/files/<uuid:file_id>/", views.file, name="file"),
]
