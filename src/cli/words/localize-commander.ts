import { Help, Option, type Command } from 'commander'
import type { Language } from 'saksi/catalogue'
import type { CliIo } from '../cli-io.js'
import { PROGRAM_WORDS } from './program-words.js'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Translates commander's own error lines (`error: required option ...`) into `lang`.
 * @param text what commander writes
 * @param lang the operator's language
 */
export function translateCommanderError(text: string, lang: Language): string {
  let out = text
  for (const [pattern, replacement] of PROGRAM_WORDS[lang].errors) out = out.replace(pattern, replacement)
  return out
}

/**
 * Makes a program and all its commands speak `lang` and write to `io`: help headings, the help
 * option and command, commander's errors, the `--lang` option shown as a global option. Commands
 * added with `addCommand` inherit none of these, so each is set on every command.
 * @param program the root command, with its commands added
 * @param lang the operator's language
 * @param io where to write
 */
export function localizeCommander(program: Command, lang: Language, io: CliIo): void {
  const w = PROGRAM_WORDS[lang]
  const titles = w.titles
  const notes = Object.entries(w.notes)
  const base = new Help()
  const placeholders = (usage: string) => (lang === 'en' ? usage : usage.replace('[options]', '[opsi]').replace('[command]', '[perintah]'))
  const help: Partial<Help> = {
    showGlobalOptions: true,
    styleTitle: (title) => titles[title] ?? title,
    commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
    optionDescription: (option) => {
      let text = base.optionDescription(option)
      for (const [en, translated] of notes) text = text.replace(new RegExp(`(\\(|, )${escape(en)}`, 'g'), `$1${translated}`)
      return text
    },
  }
  program.addOption(new Option('--lang <id|en>', w.lang).choices(['id', 'en']))
  const visit = (command: Command): void => {
    command
      .exitOverride()
      .helpOption('-h, --help', w.help)
      .configureHelp(help)
      .showHelpAfterError(w.helpAfterError)
      .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(translateCommanderError(text, lang)) })
    if (command.commands.length > 0) command.helpCommand('help [command]', w.helpCommand)
    for (const c of command.commands) visit(c)
  }
  visit(program)
}
