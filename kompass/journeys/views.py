from django.http import HttpResponse


def start(request):
    return HttpResponse("")


def plan(request):
    return HttpResponse("")
