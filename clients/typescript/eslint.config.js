// The SDK's own code and its tests use the generated types as they are: no `any`, no casts (`as`, `<T>`), no non-null
// assertions (`!`). Generated code is not linted (it is the generator's).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build-test/**', 'src/generated/**', 'node_modules/**'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
);
