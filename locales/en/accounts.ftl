# Accounts: sign-in, setup, password reset, API tokens, users, audit log.
acc-login-title = Sign in
acc-login-failed = E-mail address or password is wrong.
acc-email = E-mail address
acc-password = Password
acc-name = Name
acc-role = Role
acc-scope = Scope
acc-network = Network
acc-network-hint = For coordinators and members.
acc-organization = Organisation
acc-organization-hint = Members only: the organisation whose data they keep.
acc-region = Region
acc-region-hint = Supervisors only: a state or Regierungsbezirk.
acc-forgot-link = Forgot your password?
acc-forgot-title = Reset password
acc-forgot-lead = Enter your e-mail address. We will send you a link to set a new password.
acc-forgot-submit = Send link
acc-forgot-sent = If an account exists for this address, a link is on its way. It is valid for one hour.
acc-reset-title = Set a new password
acc-new-password = New password
acc-password-confirm = Repeat new password
acc-current-password = Current password
acc-password-hint = At least 10 characters.
acc-change-password = Change password
acc-setup-title = Set up ikon
acc-setup-lead = Create the administrator account. This link works only once.
acc-setup-submit = Create administrator
acc-account-title = My account
acc-tokens-title = API tokens
acc-tokens-lead = With a personal token, other programs use the JSON API on your behalf (header "Authorization: Bearer …").
acc-token-name = Label
acc-token-name-hint = What the token is for, e.g. "county website".
acc-token-create = Create token
acc-token-created = Your new token – it is shown this one time only:
acc-token-created-at = Created
acc-token-last-used = Last used
acc-token-revoke = Revoke
acc-users-title = User accounts
acc-user-invite = Invite a person
acc-user-invite-lead = The person receives an e-mail with a link to set their own password (valid for a week).
acc-user-edit = Change role
acc-audit-title = Audit log
acc-audit-caption = Newest changes first
acc-audit-when = When
acc-audit-who = Who
acc-audit-what = What
acc-audit-before = Before
acc-audit-after = After
acc-audit-pages = Pages
acc-audit-newer = Newer
acc-audit-older = Older
acc-audit-empty = No changes yet.
acc-err-role = Please choose a valid role.
acc-err-unknown = This entry does not exist.
acc-err-region = Please choose a state or Regierungsbezirk.
acc-err-not-member = The organisation does not belong to this network.
acc-err-password-short = The password needs at least { $min } characters.
acc-err-password-mismatch = The two passwords do not match.
acc-err-current-password = The current password is wrong.
acc-err-token = This link is invalid, expired or was used already.
acc-err-self-demote = You cannot remove your own administrator role.

role-admin = Administrator
role-supervisor = Supervisor
role-coordinator = Coordinator
role-member = Member

notice-signed-out = You are signed out.
notice-password-changed = Your password was changed. Please sign in again.
notice-setup-done = ikon is set up. Welcome!
notice-token-revoked = The token was revoked.
notice-user-invited = The invitation was sent.
notice-user-saved = The role was saved.

mail-reset-subject = ikon: set your password
mail-reset-body =
    Hello,

    use the following link to set your ikon password:

    { $link }

    The link is valid for { $hours } hour(s) and works only once.
    If you did not ask for this, ignore this e-mail.
acc-person = Contact person
acc-person-hint = The contact person this account acts as: taking the minutes or responsible for an action item. None if left empty.
acc-err-person = There is no such contact person.
acc-err-person-taken = This contact person is already linked to another account.
acc-err-person-organization = A member can only be linked to a contact person of their own organisation.
