#!/usr/bin/env python3
"""portal-admin force-password-change --all: every account must change its
password at its next login ("after a portal update").

It changes every account of the instance, demo accounts included: run it
last, or on a stack of its own (tests/integration/test_auth.py has the
environment it reads).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import test_auth as t  # noqa: E402


class ForceAllTest(t.AuthTest):
    def test_force_password_change_all__next_login_goes_to_form(self):
        email = t.new_account()
        before = t.Browser()
        self.assertRedirect(before.login(email, "Tilleul-vert42"), "/declarations/")
        out = t.admin("force-password-change", "--all")
        self.assertIn("devront changer leur mot de passe", out)
        # A session opened before is caught on its next request too.
        r = before.get("/declarations/")
        if r.status != 502:  # 502: the declarations module is not running here
            self.assertRedirect(r, "/auth/mot-de-passe")
        b = t.Browser()
        self.assertRedirect(b.login(email, "Tilleul-vert42"), "/auth/mot-de-passe")
        self.assertIn("mise à jour du portail", b.get("/auth/mot-de-passe").text)
        r = b.post("/auth/mot-de-passe", {"password_current": "Tilleul-vert42",
                                          "password_new": "Saule-pleureur38",
                                          "password_confirm": "Saule-pleureur38"})
        self.assertRedirect(r, "/declarations/")
        self.assertRedirect(t.Browser().login(email, "Saule-pleureur38"), "/declarations/")


if __name__ == "__main__":
    unittest.main(verbosity=2)
