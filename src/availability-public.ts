// The public view of the capability table: this platform's row and its id.
import { type Availability, type PlatformId, availabilityOf } from './availability.js';
import { detectPlatform, getBackend } from './platform.js';

/** The platform this process runs on, as the availability table names it. */
export const platform: PlatformId = detectPlatform();

/** Which functions this platform supports; an unsupported one throws ENOTSUP. */
export const availability: Availability = availabilityOf(getBackend());

/** This platform's name as the library's messages give it: 'Linux', 'macOS', 'Solaris/illumos', 'Windows'. */
export const platformName: string = getBackend().platform;
