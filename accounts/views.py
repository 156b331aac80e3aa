from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from accounts import services, throttle
from accounts.forms import ProfileForm
from accounts.models import User
from config.clients import client_address


def signup(request: HttpRequest) -> HttpResponse:
    """Step 1: an e-mail address. The answer is the same whether it has an account or not."""
    from accounts import signup as signups
    from accounts.forms import SignupStartForm

    if request.user.is_authenticated:
        return HttpResponseRedirect(reverse("enrollments:my_courses"))
    form = SignupStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signups.request_link(
                email=form.cleaned_data["email"],
                language=translation.get_language(),
                client=client_address(request),
                next_url=_safe_next(request),
            )
        except signups.Throttled:
            return render(
                request, "accounts/signup.html", {"form": form, "throttled": True}, status=429
            )
        return render(request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"]})
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": _safe_next(request)},
        status=400 if form.errors else 200,
    )


def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Step 2, from the e-mailed link: the account's details; submitting creates it."""
    from django.contrib.auth import login

    from accounts import signup as signups
    from accounts.forms import SignupForm

    try:
        invitation = signups.read_link(token)
    except signups.BadLink:
        return render(request, "accounts/signup_link_invalid.html", status=400)
    if User.objects.filter(email__iexact=invitation.email).exists():
        messages.info(request, _("This address has an account already: sign in."))
        return HttpResponseRedirect(reverse("accounts:login"))
    form = SignupForm(
        request.POST or None, email=invitation.email, language=translation.get_language()
    )
    if request.method == "POST" and form.is_valid():
        user = signups.create_from_form(invitation=invitation, data=form.cleaned_data)
        if user is None:
            messages.info(request, _("This address has an account already: sign in."))
            return HttpResponseRedirect(reverse("accounts:login"))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        with translation.override(user.preferred_language):
            messages.success(request, _("Welcome to Aula! Your account is ready."))
            target = invitation.next_url or reverse("enrollments:my_courses")
        response = HttpResponseRedirect(target)
        response.set_cookie("django_language", user.preferred_language, samesite="Lax")
        return response
    return render(
        request,
        "accounts/signup_form.html",
        {"form": form, "email": invitation.email},
        status=400 if form.errors else 200,
    )


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy.html")


def _safe_next(request: HttpRequest) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_profile(
            user=user,
            certificate_name=data["certificate_name"],
            preferred_language=data["preferred_language"],
            member_city_id=data["member_city"].pk if data["member_city"] else None,
            position=data["position"],
            gender=data.get("gender") or "",
            gender_self_described=data["gender_self_described"],
            gender_consent=data["gender_consent"],
            mandate_started_on=data["mandate_started_on"],
            mandate_consent=data["mandate_consent"],
            other_city=data["other_city"],
            time_zone=data["time_zone"],
        )
        # The confirmation and the next page come in the language just chosen.
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
            url = reverse("accounts:profile")
        response = HttpResponseRedirect(url)
        response.set_cookie("django_language", user.preferred_language, samesite="Lax")
        return response
    return render(
        request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200
    )


class SignInView(LoginView):
    """Signs in by e-mail and stays in the language of the page the person signed in from:
    they chose it by reading in it (e-mails still follow the profile's language)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        email = request.POST.get("username", "")
        if throttle.is_blocked(ip=client_ip(request), email=email):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None, _("Too many failed attempts. Wait a few minutes before trying again.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.note_failure(ip=client_ip(self.request), email=form.data.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.clear(ip=client_ip(self.request), email=form.cleaned_data.get("username", ""))
        response = super().form_valid(form)
        response.set_cookie("django_language", translation.get_language(), samesite="Lax")
        return response

    def get_default_redirect_url(self) -> str:
        return f"/{translation.get_language()}/"


def client_ip(request: HttpRequest) -> str:
    return client_address(request)


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything Aula holds about the signed-in person, as a JSON file."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    from accounts import privacy

    user = request.user
    assert isinstance(user, User)
    data = privacy.export_personal_data(user=user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="aula-my-data.json"'
    return response


@login_required
def erase_account(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth import logout

    from accounts import privacy

    user = request.user
    assert isinstance(user, User)
    error = ""
    if request.method == "POST":
        if not request.POST.get("confirm"):
            error = _("Tick the box to confirm that you want your account erased.")
        elif not user.check_password(request.POST.get("password", "")):
            error = _("The password is not right.")
        else:
            privacy.erase_account(user=user)
            logout(request)
            messages.success(request, _("Your account has been erased."))
            return HttpResponseRedirect(f"/{translation.get_language()}/")
    return render(request, "accounts/erase.html", {"error": error}, status=400 if error else 200)


class ChangePasswordView(PasswordChangeView):
    """A signed-in person changes their password by typing the current one: no e-mail round
    trip. They stay signed in here; their API token is withdrawn (a client signs in again)."""

    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        Token.objects.filter(user=cast(User, self.request.user)).delete()
        messages.success(self.request, _("Your password has been changed."))
        return response
