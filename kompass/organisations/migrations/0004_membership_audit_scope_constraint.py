from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0003_auditors_scope"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('role', 'auditor'), models.Q(('audit_scope', ''), _negated=True)), models.Q(models.Q(('role', 'auditor'), _negated=True), ('audit_scope', '')), _connector='OR'), name='membership_audit_scope_only_for_auditors'),
        ),
    ]
