"""Company editors: access, collections, invitations, review, dashboard, admin views and limits."""
