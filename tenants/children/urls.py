from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.children import api, views

router = SimpleRouter()
router.register("children", api.ChildViewSet, basename="child")
router.register("pickup-persons", api.PickupPersonViewSet, basename="pickup-person")
router.register("custody-notes", api.CustodyNoteViewSet, basename="custody-note")
router.register("corrections", api.CorrectionRequestViewSet, basename="correction")

urlpatterns = [
    path("children/", views.ChildListView.as_view(), name="children"),
    path("children/new/", views.ChildCreateView.as_view(), name="child-create"),
    path("children/<int:pk>/", views.ChildPageView.as_view(), name="child-page"),
    path("children/<int:pk>/edit/", views.ChildEditView.as_view(), name="child-edit"),
    path("children/<int:pk>/guardians/", views.InviteGuardianView.as_view(), name="child-guardian-invite"),
    path("children/<int:pk>/guardians/remove/", views.RemoveGuardianView.as_view(), name="child-guardian-remove"),
    path("children/<int:pk>/pickup/", views.AddPickupPersonView.as_view(), name="child-pickup-add"),
    path("children/<int:pk>/custody/", views.AddCustodyNoteView.as_view(), name="child-custody-add"),
    path("children/<int:pk>/correction/", views.RequestCorrectionView.as_view(), name="child-correction-new"),
    path("children/<int:pk>/changes/", views.ChangeLogView.as_view(), name="child-change-log"),
    path("pickup-persons/<int:pk>/delete/", views.DeletePickupPersonView.as_view(), name="pickup-delete"),
    path("custody-notes/<int:pk>/delete/", views.DeleteCustodyNoteView.as_view(), name="custody-delete"),
    path("my-children/", views.MyChildrenView.as_view(), name="my-children"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("corrections/<int:pk>/decide/", views.DecideCorrectionView.as_view(), name="correction-decide"),
    path("api/v1/", include(router.urls)),
]
