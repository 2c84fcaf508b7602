/** The welfare service's HTTP routes (`/v1/welfare`). */
export { welfareRoutes } from './welfare-routes.js'
