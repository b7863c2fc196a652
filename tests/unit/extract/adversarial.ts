/** Inputs built to make a backtracking pattern or a quadratic scan explode: long runs of the characters the extractor cares about. Shared by the safety test and the bench. */
export function adversarialInputs(size: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    digits: fill('1234567890'),
    dottedNumbers: fill('1.'),
    commaNumbers: fill('1,000,'),
    percents: fill('12.5% '),
    brackets: fill('O(('),
    latex: fill('$\\times$\\%\\'),
    hyphens: fill('a-'),
    sotaPhrases: fill('state of the art '),
    urls: fill('https://github.com/'),
    capitals: fill('GSM8K WebShop '),
    sentences: fill('We improve accuracy by 5% on MMLU over GPT-4. '),
  };
}
