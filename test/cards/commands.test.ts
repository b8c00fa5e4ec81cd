import { KNOWN_COMMANDS, commandArgument, parseCommand } from '../../cards/commands';

describe('reading a typed command', () => {
  it.each([
    ['signaal', 'signal'],
    ['Signal', 'signal'],
    ['  STATUS ', 'status'],
    ['help', 'help'],
    ['hulp', 'help'],
    ['/help', 'help'],
    ['<at>Handle with Care</at> signaal', 'signal'],
    ['status alsjeblieft', 'status'],
    ['audit HWC-7F3K', 'audit'],
    ['Audit hwc-7f3k', 'audit'],
    ['overzicht', 'digest'],
    ['Overzicht 2026-W47', 'digest'],
    ['digest', 'digest'],
  ])('understands %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each(['', '   ', 'hallo', 'signalen', undefined])('does not understand %j', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it('lists every word it understands', () => {
    expect([...KNOWN_COMMANDS].sort()).toEqual(['audit', 'digest', 'help', 'hulp', 'overzicht', 'signaal', 'signal', 'status']);
  });

  it.each([
    ['audit HWC-7F3K', 'HWC-7F3K'],
    ['<at>Handle with Care</at> audit  hwc-7f3k ', 'hwc-7f3k'],
    ['audit', undefined],
    ['audit   ', undefined],
    ['overzicht 2026-W47', '2026-W47'],
    ['<at>Handle with Care</at> overzicht', undefined],
  ])('reads what follows the command word in %j as %j', (text, argument) => {
    expect(commandArgument(text)).toBe(argument);
  });
});
