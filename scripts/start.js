// `npm start`: runs Saksi. Until the embedded node lands (issue "Embedded node"), this shows the
// ledger core at work: it signs transactions, executes them and prints a verified checkpoint.
import('../dist/core/index.js')
  .then(async () => {
    const { runCoreDemo } = await import('../dist/demo/core-demo.js')
    await runCoreDemo()
  })
  .catch((e) => {
    console.error(e)
    process.exit(1)
  })
