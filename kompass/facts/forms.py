from django import forms
from django.utils.translation import gettext_lazy as _


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why is it withdrawn? (internal)"), required=False, max_length=300)
