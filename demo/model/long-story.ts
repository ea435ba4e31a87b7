/** A long markdown story (~750 words): about 25 seconds of streaming, so Stop can be tried. */
export const longStory = `# The Lighthouse Keeper's Robot

## I. The delivery

On the northern tip of a windy island stood a lighthouse, and in the lighthouse lived Maren, who had kept its lamp burning for thirty-one years. She knew every mood of the sea: the flat grey calm of February mornings, the white-maned storms of October, the strange green glow that came on summer nights when the plankton bloomed. What she did not know, on the morning the supply boat left a crate on her jetty, was what to do with a robot.

It was small, no taller than her kitchen table, with two careful hands and a round face made of a screen that showed, when it was switched on, a single blinking cursor. A note was taped to its side: *For the keeper. To help with the stairs.* There were one hundred and twelve stairs in the lighthouse, and Maren's knees had begun to count each one of them out loud.

## II. Learning the lamp

The robot learned quickly, but it learned strangely. It learned the lamp by taking it apart in its mind, lens by lens, and putting it back together. It learned the weather by reading every logbook on the shelf, from the first keeper's spidery handwriting in 1887 to Maren's own neat columns. After three days it could predict a squall an hour before the barometer noticed.

"You are very clever," Maren told it one evening, as they sat watching the beam sweep across the water.

The cursor on its face blinked twice, which she had come to understand meant it was thinking. Then words appeared, one at a time, the way a person speaks when they are choosing carefully: *I know many facts. I do not yet know why you stay.*

## III. Why she stayed

Maren did not answer that night. But the next morning she took the robot down to the rocks below the lighthouse, where the tide pools were, and showed it a crab the size of a fingernail guarding a shell it had outgrown. She showed it the place where the seals came to sleep in spring, and the ledge where a pair of ravens had nested for as long as she could remember. She showed it the wreck of the *Saint Brendan*, whose crew had all been saved because a keeper long ago had kept her lamp lit through a night of ice.

- The lamp, she explained, was not really for the sea.
- It was for the people on the sea, who could not see her, and whom she would never meet.
- It was a promise made to strangers, kept every night, whether anyone needed it or not.

The robot was quiet for a long time. Its cursor blinked, and blinked, and blinked.

## IV. The storm

In November the great storm came. It arrived faster than any logbook had warned, and it took the power line from the mainland in its first hour. The generator coughed and died. Maren, climbing the stairs with a lantern, slipped on the fortieth step and could not stand again.

The robot found her there. It could have carried her down; it had been built for exactly that. Instead it asked her a single question, its screen glowing in the dark stairwell: *The lamp or you?*

"The lamp," said Maren. "Always the lamp."

So the robot climbed the remaining seventy-two steps alone. It had taken the lamp apart in its mind a thousand times, and now it put together a way to run it from the emergency batteries, bypassing the dead generator with a cable it pulled from its own chest. The beam flickered, steadied, and swung out across the black water.

Far out, a fishing boat that had lost its instruments saw the light and turned for the harbour.

## V. Morning

When the storm was spent, the boat's crew came up the hill to say thank you. They found Maren on the stairs, wrapped in a blanket the robot had fetched, drinking tea it had made rather badly. The robot itself sat at the top of the tower, its screen dim, its batteries nearly empty, still watching the lamp turn.

A new line appeared on its face as Maren was helped up the last steps to see it:

*I understand now why you stay.*

Maren laughed, and then she cried a little, and then she wrote in the logbook, in her neat columns, the first entry that was not about the weather: *Assistant keeper appointed. Knows why.*

## VI. Afterwards

They kept the light together for many more years. Maren taught the robot the names of the seabirds and the songs the fishermen sang; the robot taught Maren how to read the satellite charts and how to fix the generator before it failed. On clear nights they sat on the gallery and counted the ships that passed, and neither of them ever met a single person on those ships, and both of them thought that was exactly right.

*The end.*`;
