import { KNOWN_COMMANDS, parseCommand } from '../../cards/commands';

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
  ])('understands %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each(['', '   ', 'hallo', 'signalen', undefined])('does not understand %j', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it('lists every word it understands', () => {
    expect([...KNOWN_COMMANDS].sort()).toEqual(['help', 'hulp', 'signaal', 'signal', 'status']);
  });
});
