// The profile of the one person whose logs the site was built from (loaders/profile/), in
// the words the terminal prints; null for logs of several people, whose site shows no
// one person, or where the threshold is above one user.
import {profileText} from "../../loaders/profile/format.ts";
import {profileOf} from "../../loaders/profile/profile.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {builtTables} from "../../loaders/site/built.ts";

const {dir, origin} = builtTables();
const db = await connect(dir, origin.minUsers);
const users = Number((await db.runAndReadAll("select count(distinct user_id) from sessions")).getRows()[0][0]);
db.closeSync();
process.stdout.write(JSON.stringify(origin.minUsers === 1 && users === 1 ? profileText(await profileOf(dir)) : null));
