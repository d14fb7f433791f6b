from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_reseed_hotlines")]

    operations = [migrations.RemoveField(model_name="hotline", name="source")]
