/** The role that makes a member an admin of their organisation: adds and removes members, sets roles. */
export const ORG_ADMIN_ROLE = 'identity.admin'

/** The role of officials who verify citizens (`identity.verifyCitizen`). */
export const VERIFIER_ROLE = 'identity.verifier'
