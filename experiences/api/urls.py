from django.urls import path

from experiences.api import views

urlpatterns = [
    path("experiences/", views.ExperienceListView.as_view(), name="experiences"),
    path("experiences/facets/", views.FacetsView.as_view(), name="experience-facets"),
    path("experiences/editorial/", views.EditorialView.as_view(), name="experience-editorial"),
    path("experiences/<uuid:public_id>/", views.ExperienceView.as_view(), name="experience"),
    path(
        "experiences/<uuid:public_id>/decision/",
        views.DecisionView.as_view(),
        name="experience-decision",
    ),
]
