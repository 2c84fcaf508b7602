// The part of json-logic-js (v2, MIT, no types shipped) that the welfare rules use.
declare module 'json-logic-js' {
  const jsonLogic: {
    apply(rule: unknown, data?: unknown): unknown
  }
  export default jsonLogic
}
