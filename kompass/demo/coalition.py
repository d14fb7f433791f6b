"""The fictional demo coalition: 24 organisations in Romania, Moldova and Serbia (one NRM coordinator
per country), and one user per role."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.organisations.models import Membership, Organisation

# The password and the TOTP secret every demo account shares (demo mode only).
DEMO_PASSWORD = "kompass-demo-2026"
# "Kompass-demo-secret" as hex (19 bytes); printed in base32 for authenticator apps.
DEMO_TOTP_HEX = "4b6f6d706173732d64656d6f2d736563726574"
COORDINATOR_NAME = "National Office for Coordination against Trafficking (demo)"
# Each country's NRM coordinator (issue #20): plainly fictional names.
COORDINATOR_NAMES = {
    "RO": COORDINATOR_NAME,
    "MD": "Permanent Anti-Trafficking Secretariat of Moldova (demo)",
    "RS": "Serbian Coordination Office against Trafficking (demo)",
}

# (name, country, city, kind)
ORGANISATIONS = [
    (COORDINATOR_NAME, "RO", "București", Organisation.Kind.STATE),
    ("Pro Demnitate Iași", "RO", "Iași", Organisation.Kind.NGO),
    ("Casa Speranței Cluj", "RO", "Cluj-Napoca", Organisation.Kind.NGO),
    ("Pod de Sprijin Timișoara", "RO", "Timișoara", Organisation.Kind.NGO),
    ("Far Constanța", "RO", "Constanța", Organisation.Kind.NGO),
    ("Ajutor Direct Craiova", "RO", "Craiova", Organisation.Kind.NGO),
    ("Refugiu Brașov", "RO", "Brașov", Organisation.Kind.NGO),
    ("Dunărea Galați Social", "RO", "Galați", Organisation.Kind.NGO),
    ("Nord Suceava Solidar", "RO", "Suceava", Organisation.Kind.NGO),
    ("Direcția de Asistență Socială Baia Mare", "RO", "Baia Mare", Organisation.Kind.STATE),
    ("Centrul Juridic București", "RO", "București", Organisation.Kind.NGO),
    ("Migration Help Office Romania", "RO", "București", Organisation.Kind.INTERNATIONAL),
    ("Casa Mărioarei Chișinău", "MD", "Chișinău", Organisation.Kind.NGO),
    ("Linia Încrederii Bălți", "MD", "Bălți", Organisation.Kind.NGO),
    ("Centrul de Plasament Cahul", "MD", "Cahul", Organisation.Kind.STATE),
    ("Sprijin Ungheni", "MD", "Ungheni", Organisation.Kind.NGO),
    ("Migration Help Office Moldova", "MD", "Chișinău", Organisation.Kind.INTERNATIONAL),
    ("Atina Plus Beograd", "RS", "Beograd", Organisation.Kind.NGO),
    ("Sigurna Kuća Novi Sad", "RS", "Novi Sad", Organisation.Kind.NGO),
    ("Centar za socijalni rad Niš", "RS", "Niš", Organisation.Kind.STATE),
    ("Pravna Pomoć Subotica", "RS", "Subotica", Organisation.Kind.NGO),
    ("Ruka Podrške Kragujevac", "RS", "Kragujevac", Organisation.Kind.NGO),
    (COORDINATOR_NAMES["RS"], "RS", "Beograd", Organisation.Kind.STATE),
    (COORDINATOR_NAMES["MD"], "MD", "Chișinău", Organisation.Kind.STATE),
]

# (email, full name, organisation index, role)
USERS = [
    ("coordinator@demo.kompass", "Ioana Marinescu", 0, Membership.Role.COORDINATOR),
    ("auditor@demo.kompass", "Radu Ionescu", 0, Membership.Role.AUDITOR),
    ("admin.iasi@demo.kompass", "Elena Popa", 1, Membership.Role.ORG_ADMIN),
    ("caseworker.iasi@demo.kompass", "Andrei Rusu", 1, Membership.Role.CASEWORKER),
    ("frontline.iasi@demo.kompass", "Maria Ciobanu (nurse)", 1, Membership.Role.FRONTLINE),
    ("trainer.iasi@demo.kompass", "Cristina Dumitru", 1, Membership.Role.TRAINER),
    ("admin.chisinau@demo.kompass", "Natalia Cebotari", 12, Membership.Role.ORG_ADMIN),
    ("caseworker.chisinau@demo.kompass", "Victor Munteanu", 12, Membership.Role.CASEWORKER),
    ("admin.beograd@demo.kompass", "Jelena Petrović", 17, Membership.Role.ORG_ADMIN),
    ("caseworker.beograd@demo.kompass", "Marko Jovanović", 17, Membership.Role.CASEWORKER),
    ("caseworker.novisad@demo.kompass", "Ana Nikolić", 18, Membership.Role.CASEWORKER),
    ("trainer.beograd@demo.kompass", "Milica Stojanović", 17, Membership.Role.TRAINER),
    ("coordinator.rs@demo.kompass", "Vesna Ilić", 22, Membership.Role.COORDINATOR),
    ("coordinator.md@demo.kompass", "Doina Rotaru", 23, Membership.Role.COORDINATOR),
    # The regional body (counts across the three countries only), in an international organisation.
    ("regional@demo.kompass", "Petra Novak", 11, Membership.Role.REGIONAL),
]
# The demo auditor reads the whole platform's trail (a scope only the coordinator grants).
AUDIT_SCOPES = {"auditor@demo.kompass": Membership.AuditScope.PLATFORM}


def create_coalition() -> list[Organisation]:
    organisations = []
    for name, country, city, kind in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "country": country,
                "city": city,
                "kind": kind,
                "is_national_coordinator": COORDINATOR_NAMES.get(country) == name,
                "email": f"contact@{''.join(ch for ch in name.lower() if ch.isalnum())[:20]}.demo",
            },
        )
        organisations.append(organisation)
    return organisations


def create_users(organisations: list[Organisation]) -> list[Membership]:
    memberships = []
    for email, full_name, index, role in USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        membership, _ = Membership.objects.get_or_create(
            user=user,
            organisation=organisations[index],
            defaults={"role": role, "audit_scope": AUDIT_SCOPES.get(email, "")},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            # The coordinator configures the platform in the Django admin (behind the second factor);
            # CoordinatorAdminBackend gives the permissions, no superuser needed.
            user.is_staff = membership.can_use_admin
            user.save()
            TOTPDevice.objects.create(user=user, name="Demo authenticator", key=DEMO_TOTP_HEX, confirmed=True)
        memberships.append(membership)
    return memberships


def demo_totp_base32() -> str:
    from base64 import b32encode

    return b32encode(bytes.fromhex(DEMO_TOTP_HEX)).decode().rstrip("=")
