"""The plain frozen values the use cases return and the screens read: no database, no Qt.

One module per service module of the same name (``console.services.households`` returns
what ``console.domain.views.households`` defines), so the desktop can read them in server
mode without SQLAlchemy. The service modules import them back, so their old paths work.
"""
