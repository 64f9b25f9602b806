from django.urls import path

from tenants.child_sheet import views

urlpatterns = [
    path("sheets/", views.ListView.as_view(), name="child-sheets"),
    path("children/<int:pk>/sheet/", views.SheetView.as_view(), name="child-sheet"),
    path("children/<int:pk>/sheet/edit/", views.EditView.as_view(), name="child-sheet-edit"),
    path("children/<int:pk>/sheet/contacts/", views.ContactView.as_view(), name="child-sheet-contact-add"),
    path("children/<int:pk>/sheet/pickup/", views.PickupView.as_view(), name="child-sheet-pickup-add"),
    path("sheet/contacts/<int:pk>/delete/", views.RemoveContactView.as_view(), name="child-sheet-contact-delete"),
    path("sheet/pickup/<int:pk>/delete/", views.RemovePickupView.as_view(), name="child-sheet-pickup-delete"),
    path("sheet/pickup/<int:pk>/photo/", views.PickupPhotoView.as_view(), name="child-sheet-pickup-photo"),
]
