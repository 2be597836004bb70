// The profile of the one person whose logs the site was built from (loaders/profile/), in
// the words the terminal prints; null for logs of several people, whose site shows no
// one person, or where the threshold is above one user.
import {profileText} from "../../loaders/profile/format.ts";
import {profileOf} from "../../loaders/profile/profile.ts";
import {builtTables, onePerson} from "../../loaders/site/built.ts";

const {dir, origin} = builtTables();
process.stdout.write(JSON.stringify(onePerson(origin) ? profileText(await profileOf(dir)) : null));
