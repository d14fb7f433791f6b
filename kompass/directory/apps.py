from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "kompass.directory"
    label = "directory"
