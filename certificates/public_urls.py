"""Addresses without a language prefix: machines read them, and PDFs print them."""

from django.urls import path

from certificates import views

urlpatterns = [
    path(".well-known/did.json", views.did_document, name="did-document"),
    path("credentials/status/<int:number>", views.status_list, name="status-list"),
    path("credentials/<uuid:public_id>", views.credential, name="credential"),
    path("certificates/<uuid:public_id>/pdf", views.pdf, name="certificate-pdf"),
    path("certificates/templates/", views.template_list, name="certificate-templates"),
    path(
        "certificates/templates/<int:pk>/preview/<str:language>.pdf",
        views.template_preview,
        name="certificate-template-preview",
    ),
]
