/**
 * `npm run package [-- <environment>]`: fills the Teams manifest from TEAMS_APP_ID, BOT_ID and,
 * for the tab, TAB_CLIENT_ID and TAB_DOMAIN (from the environment, or from env/.env.<environment>
 * with the environment winning), validates it offline and writes appPackage/build/handle-with-care.zip.
 * Run from the repository root, as npm does.
 */
import { writeAppPackage } from './app-package/build-app-package';
import { AppPackageError, packageValues, readPackageEnvironment } from './app-package/package-values';

export async function main(args: string[], env: Record<string, string | undefined>, root: string): Promise<number> {
  try {
    const values = packageValues(readPackageEnvironment(root, args[0], env));
    const written = await writeAppPackage(root, values);
    process.stdout.write(`Wrote ${written}${values.tab ? '' : ' (no tab: TAB_CLIENT_ID and TAB_DOMAIN are not set)'}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, process.cwd()).then((code) => process.exit(code));
}
