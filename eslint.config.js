import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text is hostile: never assign markup built from it.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render with Preact or textContent; page text is hostile.' },
        { property: 'outerHTML', message: 'Render with Preact or textContent; page text is hostile.' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is hostile.' }],
    },
  },
);
