/** A profile JSON is named `*.profile.json`: what validate-data's data and reference inputs take as profiles. */
export const isProfileFile = (file: string) => /\.profile\.json$/i.test(file);
