from django.db import migrations

# The first seed of DOMAIN.md §5 numbers lived here. It was superseded by 0005_reseed_hotlines,
# which ships each number with its public source and official page (and leaves out numbers we could
# not source); a fresh database gets its numbers from 0005.


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = []
