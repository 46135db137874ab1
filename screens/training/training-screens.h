/*
 * The training module's screens: the classes, with the steps the
 * center may take and enrolment by the offices.
 */
#ifndef TRAINING_TRAINING_SCREENS_H
#define TRAINING_TRAINING_SCREENS_H

#include "training/training.h"

extern const struct ui_screen screen_training_classes;

#endif /* TRAINING_TRAINING_SCREENS_H */
