/** The example situation: a careful reader (and the sources) say Python. */
export const EXAMPLE =
  'four of us, a B2B CRUD SaaS with a reporting module, some pandas, no real-time needs, we must ship an MVP by spring';
