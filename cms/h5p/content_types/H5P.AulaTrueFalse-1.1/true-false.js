/* Aula's true/false question: two native radio buttons in a fieldset, so keyboards and screen
   readers work without extra ARIA. */
var H5P = window.H5P = window.H5P || {};

H5P.AulaTrueFalse = (function (EventDispatcher) {
  'use strict';

  var DEFAULTS = {
    trueText: 'True',
    falseText: 'False',
    checkAnswer: 'Check',
    tryAgain: 'Retry',
    correct: 'Correct!',
    incorrect: 'Not quite. Try again.'
  };
  var VALUES = ['true', 'false'];
  var instances = 0;

  function TrueFalse(params, contentId, contentData) {
    EventDispatcher.call(this);
    params = params || {};
    this.contentId = contentId;
    this.question = params.question || '';
    this.correct = params.correct === 'false' || params.correct === false ? 'false' : 'true';
    this.l10n = {};
    for (var key in DEFAULTS) {
      var text = params.l10n && params.l10n[key];
      this.l10n[key] = typeof text === 'string' && text ? text : DEFAULTS[key];
    }
    this.prefix = 'h5p-aula-tf-' + String(contentId).replace(/[^\w-]/g, '') + '-' + (++instances);
    this.answer = null;
    this.checked = false;
    this.inputs = [];

    var state = contentData && contentData.previousState;
    if (typeof state === 'string') {
      try { state = JSON.parse(state); } catch (e) { state = null; }
    }
    if (state && VALUES.indexOf(state.answer) !== -1) {
      this.answer = state.answer;
      this.checked = state.checked === true;
    }
  }

  TrueFalse.prototype = Object.create(EventDispatcher.prototype);
  TrueFalse.prototype.constructor = TrueFalse;

  TrueFalse.prototype.attach = function ($container) {
    var self = this;
    var container = $container && $container.get ? $container.get(0) : $container;
    container.classList.add('h5p-aula-tf');
    container.textContent = '';

    var fieldset = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.textContent = this.question;
    fieldset.appendChild(legend);

    this.inputs = VALUES.map(function (value) {
      var row = document.createElement('div');
      row.className = 'h5p-aula-tf-answer';
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = self.prefix;
      input.id = self.prefix + '-' + value;
      input.value = value;
      input.addEventListener('change', function () {
        if (input.checked) {
          self.answer = value;
        }
      });
      var label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = value === 'true' ? self.l10n.trueText : self.l10n.falseText;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
      return input;
    });
    this.fieldset = fieldset;

    this.checkButton = button('h5p-aula-tf-check', this.l10n.checkAnswer, function () {
      self.check();
    });
    this.retryButton = button('h5p-aula-tf-retry', this.l10n.tryAgain, function () {
      self.resetTask();
      self.inputs[0].focus();
    });
    this.feedback = document.createElement('p');
    this.feedback.className = 'h5p-aula-tf-feedback';
    this.feedback.setAttribute('role', 'status');

    container.appendChild(fieldset);
    container.appendChild(this.checkButton);
    container.appendChild(this.retryButton);
    container.appendChild(this.feedback);
    this.render();
  };

  function button(className, text, onClick) {
    var element = document.createElement('button');
    element.type = 'button';
    element.className = 'h5p-aula-button ' + className;
    element.textContent = text;
    element.addEventListener('click', onClick);
    return element;
  }

  TrueFalse.prototype.check = function () {
    this.checked = true;
    this.render();
    // The check button is now hidden: keep the keyboard user's place on the next action.
    this.retryButton.focus();
    this.triggerXAPIScored(this.getScore(), this.getMaxScore(), 'answered');
  };

  TrueFalse.prototype.render = function () {
    if (!this.fieldset) {
      return;
    }
    var answer = this.answer;
    this.inputs.forEach(function (input) {
      input.checked = input.value === answer;
    });
    this.fieldset.disabled = this.checked;
    this.checkButton.hidden = this.checked;
    this.retryButton.hidden = !this.checked;
    if (this.checked) {
      var right = this.getScore() === this.getMaxScore();
      this.feedback.textContent = right ? this.l10n.correct : this.l10n.incorrect;
      this.feedback.className = 'h5p-aula-tf-feedback ' + (right ? 'is-correct' : 'is-incorrect');
    }
    else {
      this.feedback.textContent = '';
      this.feedback.className = 'h5p-aula-tf-feedback';
    }
    this.trigger('resize');
  };

  TrueFalse.prototype.getAnswerGiven = function () {
    return this.answer !== null;
  };

  TrueFalse.prototype.getScore = function () {
    return this.checked && this.answer === this.correct ? 1 : 0;
  };

  TrueFalse.prototype.getMaxScore = function () {
    return 1;
  };

  TrueFalse.prototype.getTitle = function () {
    return this.question;
  };

  TrueFalse.prototype.getCurrentState = function () {
    return {answer: this.answer, checked: this.checked};
  };

  TrueFalse.prototype.resetTask = function () {
    this.answer = null;
    this.checked = false;
    this.inputs.forEach(function (input) {
      input.parentNode.classList.remove('is-solution');
    });
    this.render();
  };

  TrueFalse.prototype.showSolutions = function () {
    if (!this.fieldset) {
      return;
    }
    var correct = this.correct;
    this.inputs.forEach(function (input) {
      input.parentNode.classList.toggle('is-solution', input.value === correct);
    });
    this.fieldset.disabled = true;
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.trigger('resize');
  };

  return TrueFalse;
})(H5P.EventDispatcher);
