/** The welfare service's HTTP routes (`/v1/welfare`). */
export { welfareRoutes, type WelfareRouteOptions } from './welfare-routes.js'
