from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from accounts.models import Country, Delegation, MemberCity, User


@admin.register(Delegation)
class DelegationAdmin(TranslatableAdmin):
    list_display = ["code", "__str__"]


@admin.register(Country)
class CountryAdmin(TranslatableAdmin):
    list_display = ["iso_code", "__str__", "delegation", "time_zone"]
    list_filter = ["delegation"]


@admin.register(MemberCity)
class MemberCityAdmin(TranslatableAdmin):
    list_display = ["__str__", "country", "delegation", "membership"]
    list_filter = ["delegation", "membership"]


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "certificate_name", "member_city", "position", "is_trainer"]
    list_filter = ["is_trainer", "is_superuser", "position", "coordinated_delegations"]
    search_fields = ["email", "certificate_name"]
    filter_horizontal = ["coordinated_delegations", "groups", "user_permissions"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {"fields": ("certificate_name", "preferred_language", "member_city", "position")},
        ),
        (
            _("Optional diversity data (with consent)"),
            {
                "fields": (
                    "gender",
                    "gender_self_described",
                    "gender_consent_at",
                    "mandate_started_on",
                    "mandate_consent_at",
                )
            },
        ),
        (
            _("Roles"),
            {
                "fields": (
                    "is_active",
                    "is_trainer",
                    "coordinated_delegations",
                    "is_staff",
                    "is_superuser",
                    "groups",
                )
            },
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
